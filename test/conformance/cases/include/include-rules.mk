# case: rules from an included file, first rule is the default goal
include rules.mk
all:
	@echo all
--- rules.mk
from-include:
	@echo 'from include'
