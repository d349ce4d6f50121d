# case: define without a name
define
endef
