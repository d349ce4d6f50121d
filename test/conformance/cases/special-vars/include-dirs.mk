# case: .INCLUDE_DIRS lists -I directories then the defaults
# run: -I inc
all:
	@echo '$(.INCLUDE_DIRS)'
--- inc/empty.txt
