"""Running the suite in bulk: the command line, set-up of NLTK data, corpus mode (tables
for an archive), the papermill report batch and its kernel server.

Nothing outside this package imports it; it imports the analyses.
"""
