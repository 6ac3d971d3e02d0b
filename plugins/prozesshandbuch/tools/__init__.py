"""Commands for process owners and CI: CODEOWNERS, merge-request notes, review stamps, schemas."""
