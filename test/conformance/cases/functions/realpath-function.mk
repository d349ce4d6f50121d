# case: realpath resolves symbolic links and dots
# sh: ln -s sub/target link
$(info [$(notdir $(realpath link))])
$(info [$(realpath missing)] [$(patsubst $(CURDIR)/%,%,$(realpath ./sub/../sub/target))])
all: ; @:
--- sub/target
