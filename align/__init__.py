"""align: find what multilingual news sources share and where they contradict each other."""

__version__ = "0.8.0"
