"""MkDocs hooks: the thin adapter between MkDocs and the project's own package in scripts/course.

Holds no logic of its own: everything it calls can also be called from a script or a test.
"""
