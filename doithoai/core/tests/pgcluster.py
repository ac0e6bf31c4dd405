"""A throwaway PostgreSQL server in a folder of its own, for tests and benchmarks that stop and
start the database under a running process (scripts/with-postgres.sh starts the suite's)."""

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path

PGBIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """`durable=False` turns fsync off (a test's speed); True keeps a real server's defaults."""

    def __init__(self, folder: Path, port: int | None = None, *, durable: bool = False) -> None:
        self.folder, self.port, self.durable = folder, port or free_port(), durable
        self.bin = Path(PGBIN[-1])
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        self._run(
            "initdb", "-D", str(folder / "data"), "-U", "doithoai", "--auth=trust", "-E", "UTF8"
        )

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / program), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        if not self.durable:
            options += " -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "pg.log"), "-w",
            "-o", options, "start",
        )  # fmt: skip

    def stop(self, mode: str) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://doithoai@127.0.0.1:{self.port}/postgres"

    @property
    def version(self) -> str:
        out = subprocess.run(
            [str(self.bin / "postgres"), "--version"], capture_output=True, text=True, check=False
        )
        return out.stdout.strip()
