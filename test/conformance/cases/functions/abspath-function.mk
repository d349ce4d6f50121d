# case: abspath makes names absolute without touching the filesystem
$(info [$(patsubst $(CURDIR)%,CUR%,$(abspath a ./b c/../d /x/./y/ missing/..))])
$(info [$(abspath /)] [$(abspath //a//b)])
all: ; @:
