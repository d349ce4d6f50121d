# case: the built-in RCS rule's variables are there (CO is not run)
# run: -n foo
--- RCS/foo,v
