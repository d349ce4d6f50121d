# case: -k is passed to sub-makes
# run: -k
all:
	@$(MAKE) -C sub
--- sub/Makefile
all: bad good
bad:
	@false
good:
	@echo good
