# case: the built-in SCCS rule runs $(GET) on s.file
# run: -n foo
--- s.foo
