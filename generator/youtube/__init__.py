"""YouTube queries → recent, verified videos, kept in the committed lock file.

This is the only part of the handbook that talks to the network, and only
when ``handbook refresh`` runs with a key. Rendering reads the lock file and
never calls the API, so a build without a key is still complete and
reproducible.

Modules, in the order data flows:

- ``query``: content queries → normalised lock keys and what each key needs.
- ``client``: the YouTube Data API v3 through google-api-python-client, with
  retries, a unit meter and the key scrubbed from everything it reports.
- ``responses``: the parts of API responses the handbook reads, validated.
- ``ranking``: which candidate videos are good enough, and in what order.
- ``lock``: the lock file's format and its atomic, deterministic writing.
- ``refresh``: the quota-aware policy that keeps the lock current.
- ``shown``: the lock → what each roadmap's queries show, a plain mapping for the
  page views (this package knows nothing of pages).
- ``command``: ``handbook refresh`` (environment, checks before spending, the
  single-writer lock, printing, exit codes).

The fake Data API the tests and benchmarks talk to lives with the tests
(``tests/fakes/youtube_api.py``): it is not part of the product.
"""
