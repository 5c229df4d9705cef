"""The published dataset: its records, versions, validation and every file of a release.

``content`` (rows, ``Release``, ``Publication``), ``features``, ``versioning``, ``check`` (``align validate``),
``artifacts`` (the list of release files and their writers), ``write`` (``write_release``: stage, write, checksums,
swap), ``guard`` (where align may write), ``swap``, ``lock``, ``checksums``, and the files and commands built on them:
``card``, ``chart``, ``report``, ``citation``, ``diff`` (also every CHANGELOG entry), ``release``, ``hub``.
Nothing here runs a stage: the build (``align.build``) hands this package finished records.
"""
