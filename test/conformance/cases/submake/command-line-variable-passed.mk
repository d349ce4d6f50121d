# case: command-line variables reach sub-makes
# run: X=cmd
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
X = sub-default
all:
	@echo '$(X) $(origin X)'
