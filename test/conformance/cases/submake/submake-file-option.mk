# case: $(MAKE) -f with a makefile in a sub-directory
all:
	@$(MAKE) -f sub/rules.mk show
--- sub/rules.mk
show:
	@echo 'rules from $(lastword $(MAKEFILE_LIST))'
