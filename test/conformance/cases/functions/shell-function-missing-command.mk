# case: shell of a missing command reports the shell error
$(info [$(shell no-such-command-xyz)] $(.SHELLSTATUS))
all: ; @:
