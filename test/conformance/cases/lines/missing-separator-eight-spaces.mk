# case: a recipe indented with 8 spaces gives the TAB hint
all:
        @echo hi
