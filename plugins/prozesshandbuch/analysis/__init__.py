"""Model -> derived facts: relations, review states, risks, git history, changes in words."""
