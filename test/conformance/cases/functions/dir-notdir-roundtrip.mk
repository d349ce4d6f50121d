# case: dir and notdir together rebuild the names
F := a/b/c.txt d.txt /e/f
$(info [$(join $(dir $(F)),$(notdir $(F)))])
all: ; @:
