# case: an archive found through vpath is where its members are looked for
# sh: touch -d '2001-01-01 00:00' foo.vhd
# run:
# run:
DIR = artest
vpath % $(DIR)
default: lib(foo)
(%): %.vhd ; @cd $(DIR) && touch -d '2001-06-01 00:00' $(*F) && $(AR) $(ARFLAGS)U $@ $(*F) >/dev/null 2>&1 && rm $(*F)
.PHONY: default
--- artest/keep
