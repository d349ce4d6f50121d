# case: what a makefile adds to MAKEOVERRIDES reaches sub-makes through MAKEFLAGS
ifeq ($(MAKELEVEL),0)
MAKEOVERRIDES += FOO+=bar
endif
.PHONY: M R
M: ; @$(MAKE) --no-print-directory -f Makefile R
R: ; @echo '$(FOO)'
