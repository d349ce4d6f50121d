# case: -C changes directory and announces it
# run: -C sub
--- sub/Makefile
all:
	@echo in sub
