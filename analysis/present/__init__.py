"""Showing results to a reader: plots and figure saving in one house style, tables and
highlighted evidence for notebooks, interactive widgets, and the lesson builder.

Import the module you need (``from analysis.present import plots``): ``plots`` imports
pyplot, which must happen inside the kernel that shows the figures. Importing ``plots``
inside a notebook kernel also shows every DataFrame as a table a student can read
(:func:`analysis.present.tables.use_readable_tables`: whole numbers, "—" for missing
values, labels in plain words, long text wrapped).
"""
