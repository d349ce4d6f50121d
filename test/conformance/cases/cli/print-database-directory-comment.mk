# case: with -p, the directory messages of -C are comments too
# sh: mkdir sub && printf 'all: ; @echo in sub\n' > sub/Makefile
# sh: $MAKE -p -r -R -C sub | grep -e directory -e '^in sub' | sed 's/^# [a-z]*make:/# MAKE:/'
