"""The MkDocs build around the pages: configuration, caches, staging, progress, page checks."""
