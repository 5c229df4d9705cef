"""Running a build: the per-event chain of stages (``event``), the shard store (``shards``), the event runner with
its worker pool (``runner``), the whole build and assembly under the output's lock (``orchestrate``), and the same
work as datatrove steps (``distributed``). The dataset itself is written by ``align.dataset``.
"""
