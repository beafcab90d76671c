"""An email backend whose server can be switched off, for testing that no mail is lost."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class SwitchableBackend(EmailBackend):
    server_down = False

    def send_messages(self, messages):
        if SwitchableBackend.server_down:
            raise smtplib.SMTPConnectError(421, "Service not available")
        return super().send_messages(messages)
