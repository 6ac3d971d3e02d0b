"""Exchange with other tools: BPMN 2.0 export and import, KOOS import, handbook.json.

Nothing here imports MkDocs; the plugin and the command line call in.
"""
