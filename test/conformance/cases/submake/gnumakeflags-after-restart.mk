# case: flags from GNUMAKEFLAGS survive a restart after a makefile is remade
# env: GNUMAKEFLAGS=-Itst/bad
recurse: ; @echo $@; echo MAKEFLAGS = $$MAKEFLAGS; echo GNUMAKEFLAGS = $$GNUMAKEFLAGS
-include x.mk
x.mk: ; @echo $@; echo MAKEFLAGS = $$MAKEFLAGS; echo > $@
