# case: options a makefile adds to MAKEFLAGS, -I, -R, -e, -L and --trace among them, reach sub-makes and count here
# run: -s
MAKEFLAGS += -I$(CURDIR)/src -R -e -L --no-print-directory
all:
	@echo "top: [$$MAKEFLAGS]"
	@$(MAKE) -f sub.mk
--- sub.mk
$(info sub reads: [$(MAKEFLAGS)] CC=[$(CC)])
-include scripts/a.mk
all:
	@echo "sub: [$$MAKEFLAGS] X=[$(X)]"
--- src/scripts/a.mk
X = found through -I
