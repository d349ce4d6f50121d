# case: $$< of a file with a .DEFAULT recipe is its first prerequisite
.SECONDEXPANSION:
.PHONY: biz baz
biz: baz ;
biz: $$(info first is $$<)
