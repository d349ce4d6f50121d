# case: warning prints a located message and continues
$(warning careful $(words a b))
X := $(warning in assignment)[$(warning inner)]
all:
	$(warning in recipe)
	@echo 'X=$(X)'
