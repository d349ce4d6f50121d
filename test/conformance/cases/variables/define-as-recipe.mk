# case: a define used as a multi-line recipe runs each line
define CMDS
@echo one
@echo two
endef
all:
	$(CMDS)
