"""The optional virus scan: with clamd configured, every upload is streamed to it and refused
when it finds a virus or cannot answer. A fake clamd, speaking its INSTREAM protocol on a Unix
socket and on TCP, stands in for ClamAV."""

import socket
import struct
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import uploads
from tests.support.files import PDF

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """Answers each INSTREAM with FOUND when the stream holds the EICAR test string."""

    def __init__(self, listener: socket.socket):
        self.listener = listener
        self.streams: list[bytes] = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                reader = connection.makefile("rb")
                assert reader.read(10) == b"zINSTREAM\0"
                stream = b""
                while (size := struct.unpack("!L", reader.read(4))[0]) > 0:
                    stream += reader.read(size)
                self.streams.append(stream)
                verdict = (
                    b"stream: Eicar-Test-Signature FOUND" if EICAR in stream else b"stream: OK"
                )
                connection.sendall(verdict + b"\0")

    def close(self):
        self.listener.close()


@pytest.fixture
def unix_clamd(settings, tmp_path):
    path = str(tmp_path / "clamd.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    settings.REDRESS_CLAMD_SOCKET = path
    server = FakeClamd(listener)
    yield server
    server.close()


@pytest.fixture
def tcp_clamd(settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    settings.REDRESS_CLAMD_HOST = "127.0.0.1"
    settings.REDRESS_CLAMD_PORT = listener.getsockname()[1]
    server = FakeClamd(listener)
    yield server
    server.close()


def infected_pdf() -> bytes:
    return PDF + b"\n%" + EICAR + b"\n"


def check(name, content):
    uploaded = SimpleUploadedFile(name, content)
    return uploads.problem(uploaded, uploads.sniff_file(uploaded))


@pytest.mark.parametrize("server", ["unix_clamd", "tcp_clamd"])
def test_a_file_with_a_virus_is_refused_and_a_clean_one_accepted(server, request):
    clamd = request.getfixturevalue(server)
    assert uploads.sniff_file(SimpleUploadedFile("a.pdf", infected_pdf())) == uploads.PDF
    assert check("letter.pdf", infected_pdf()) == (
        "letter.pdf contains a virus, so we cannot accept it."
    )
    assert check("clean.pdf", PDF) is None
    assert clamd.streams == [infected_pdf(), PDF], "the whole file went to the scanner"


def test_a_scanner_that_does_not_answer_refuses_the_file(settings, tmp_path):
    settings.REDRESS_CLAMD_SOCKET = str(tmp_path / "nobody-listens.sock")
    assert check("clean.pdf", PDF) == (
        "We could not check clean.pdf for viruses just now. Try adding it again in a few minutes."
    )


def test_without_a_scanner_nothing_is_sent_anywhere(settings):
    settings.REDRESS_CLAMD_SOCKET = None
    settings.REDRESS_CLAMD_HOST = None
    assert check("clean.pdf", infected_pdf()) is None
