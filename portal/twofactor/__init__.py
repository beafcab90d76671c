"""Two-factor sign-in for the Wagtail admin, built on django-otp.

Every admin user proves a second factor (an authenticator app, or a single-use backup code)
before any admin page opens; `middleware.SecondFactorRequiredMiddleware` enforces it.
"""
