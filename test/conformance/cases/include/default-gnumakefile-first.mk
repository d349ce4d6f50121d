# case: GNUmakefile is preferred over makefile and Makefile
all:
	@echo Makefile
--- GNUmakefile
all:
	@echo GNUmakefile
--- makefile
all:
	@echo makefile
