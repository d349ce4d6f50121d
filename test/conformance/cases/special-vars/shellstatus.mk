# case: .SHELLSTATUS holds the status of the last $(shell)
$(info [$(.SHELLSTATUS)])
X := $(shell true)
$(info [$(.SHELLSTATUS)])
X := $(shell exit 3)
$(info [$(.SHELLSTATUS)])
X := $(shell kill -9 $$$$)
$(info [$(.SHELLSTATUS)])
all: ; @:
