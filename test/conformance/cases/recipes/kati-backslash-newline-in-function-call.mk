# case: backslash-newline inside a function call in a recipe line collapses to one space (kati multiline_arg.mk)
f = [$(1)]
all:
	@echo '$(call f, \
	foo)' '$(subst a,b, \
	    aaa  \
	    a)'
