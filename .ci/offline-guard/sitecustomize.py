"""Offline guard for .ci/offline where network namespaces are not allowed.

Python imports a module named sitecustomize at start-up from its path, so with this folder on
PYTHONPATH every Python process (pytest, each Jupyter kernel, pip) refuses to look up or connect
to anything but this machine. Jupyter's kernels still run: their ZeroMQ sockets use 127.0.0.1.
"""
import errno
import ipaddress
import socket

_LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", "ip6-localhost"}


def _is_local(host):
    if isinstance(host, bytes):
        host = host.decode()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback or host in ("0.0.0.0", "::")
    except ValueError:
        return False


def _refuse(what):
    raise OSError(errno.ENETUNREACH, f"offline (.ci/offline-guard): no network for {what}")


def _guard(method):
    def guarded(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(address)
        return method(self, address, *args)
    return guarded


def _guard_sendto(method):
    def guarded(self, data, *args):
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(address)
        return method(self, data, *args)
    return guarded


_getaddrinfo = socket.getaddrinfo


def _local_getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        raise socket.gaierror(socket.EAI_NONAME, f"offline (.ci/offline-guard): no lookup of "
                                                 f"{host}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guard(socket.socket.connect)
socket.socket.connect_ex = _guard(socket.socket.connect_ex)
socket.socket.sendto = _guard_sendto(socket.socket.sendto)
socket.getaddrinfo = _local_getaddrinfo
