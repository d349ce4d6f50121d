# case: ?= leaves an environment value alone
# env: FROMENV=outside
FROMENV ?= inside
all:
	@echo '$(FROMENV)'
