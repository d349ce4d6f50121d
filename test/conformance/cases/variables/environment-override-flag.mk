# case: -e makes the environment win over the makefile
# env: FROMENV=outside
# run: -e
FROMENV = inside
all:
	@echo '$(FROMENV) $(origin FROMENV)'
