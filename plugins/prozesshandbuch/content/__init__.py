"""Content -> model: read the YAML files safely, check them, report problems with positions.

The bottom layer of the pipeline: nothing here imports from the other folders.
"""
