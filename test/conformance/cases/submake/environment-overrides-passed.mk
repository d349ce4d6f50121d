# case: -e is passed to sub-makes
# env: MODE=env
# run: -s -e
all:
	@$(MAKE) -C sub
--- sub/Makefile
MODE = sub
all:
	@echo '$(MODE)'
