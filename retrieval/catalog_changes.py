"""The catalog's change log (which examples each write changed, in commit order), its pruning, and changing an
example's visibility in place. A part of retrieval.catalog.Catalog (it provides the tables and `_rows`/`_write`).

Every write moves the library's version and logs the examples it changed. A machine's BM25 cache reads the
changes after its own change number to bring its delta up to date (retrieval.bm25_refresh.catch_up). The log is
pruned after a full BM25 rebuild (`prune_changes`): the newest `keep` changes stay, and the number below which
changes are gone is recorded (`pruned_through`), so a machine whose cache is older than that rebuilds from the
catalog instead of missing a change. The newest change always stays: numbering never restarts.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import delete, func, insert, select, update

VERSION_KEY = "version"
PRUNED_KEY = "changes_pruned_through"
IDENTITY_KEY = "catalog_id"


class CatalogChanges:
    """Mixed into Catalog."""

    def identity(self) -> str:
        """This catalog's id, made once and never changed: a machine's saved BM25 index names the catalog it was
        built from, so a data dir pointed at another catalog (a new DRAFTER_DATABASE_URL, a catalog file copied
        in) rebuilds instead of reading that catalog's change numbers against its own."""
        if getattr(self, "_identity", None) is None:
            m = self.meta_t.c

            def work(conn) -> str:  # retried when another machine made it meanwhile: then it is read
                row = conn.execute(select(m.value).where(m.key == IDENTITY_KEY)).first()
                if row is not None:
                    return row[0]
                made = uuid.uuid4().hex
                conn.execute(insert(self.meta_t).values(key=IDENTITY_KEY, value=made))
                return made

            self._identity = self._write(work)
        return self._identity

    def changes_since(self, seq: int) -> list[tuple[int, str]]:
        """(change number, example id) of every write after change `seq`, in commit order (see `_bump`)."""
        c = self.changes_t.c
        return [(r[0], r[1]) for r in self._rows(select(c.seq, c.example_id).where(c.seq > seq).order_by(c.seq))]

    def last_change(self) -> int:
        return self._rows(select(func.coalesce(func.max(self.changes_t.c.seq), 0)))[0][0]

    def change_count(self) -> int:
        return self._rows(select(func.count()).select_from(self.changes_t))[0][0]

    def pruned_through(self) -> int:
        """Changes numbered up to this one are gone from the log (0: none pruned)."""
        value = self.meta(PRUNED_KEY)
        return int(value) if value else 0

    def prune_changes(self, keep: int) -> int:
        """Delete all but the newest `keep` (at least 1) changes; returns how many went."""
        keep = max(1, keep)

        def work(conn) -> int:
            last = conn.execute(select(func.coalesce(func.max(self.changes_t.c.seq), 0))).scalar_one()
            through = last - keep
            if through <= 0:
                return 0
            gone = conn.execute(delete(self.changes_t).where(self.changes_t.c.seq <= through)).rowcount
            m = self.meta_t.c
            done = conn.execute(update(self.meta_t).where(m.key == PRUNED_KEY).values(value=str(through))).rowcount
            if not done:
                conn.execute(insert(self.meta_t).values(key=PRUNED_KEY, value=str(through)))
            return gone

        return self._write(work)

    def set_shared(self, example_id: str, shared: bool) -> list[str] | None:
        """Mark an example (its file row and every chunk) shared with everyone or not, and log the change, in
        one transaction; returns its chunk ids (None when there is no such example)."""
        f, c = self.files_t.c, self.chunks_t.c

        def work(conn) -> list[str] | None:
            if conn.execute(update(self.files_t).where(f.example_id == example_id)
                            .values(shared=shared)).rowcount == 0:
                return None
            rows = conn.execute(select(c.id, c.body).where(c.example_id == example_id).order_by(c.ord)).all()
            for chunk_id, body in rows:
                record = json.loads(body)
                record["shared"] = shared
                conn.execute(update(self.chunks_t).where(c.id == chunk_id)
                             .values(body=json.dumps(record, ensure_ascii=False)))
            self._bump(conn, example_id)
            return [chunk_id for chunk_id, _ in rows]

        return self._write(work)

    def _bump(self, conn, *example_ids: str | None) -> None:
        """Move the version and log the example as changed. The version row's update locks it until commit, so
        writers take change numbers one after another, in commit order: a reader that saw change n never
        misses a change numbered below it."""
        conn.execute(update(self.meta_t).where(self.meta_t.c.key == VERSION_KEY).values(value=uuid.uuid4().hex))
        seq = conn.execute(select(func.coalesce(func.max(self.changes_t.c.seq), 0))).scalar_one()
        for example_id in dict.fromkeys(e for e in example_ids if e is not None):
            seq += 1
            conn.execute(insert(self.changes_t).values(seq=seq, example_id=example_id))
