# case: -e lets the environment beat makefile assignments
# env: MODE=env
# run: -e
# run:
MODE = makefile
all:
	@echo '$(MODE) $(origin MODE)'
