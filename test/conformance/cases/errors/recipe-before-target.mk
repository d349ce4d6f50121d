# case: a recipe line before any target
	echo too early
