# case: conditionals inside define are part of the body
define BODY
ifeq (a,a)
X = from-eval
endif
endef
$(info [$(X)])
$(eval $(BODY))
$(info [$(X)])
all: ; @:
