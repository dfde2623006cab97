# params-tokens.gp - model size against training tokens, one point per
# paper, with lines of equal training compute C = 6 N D.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder: it
# writes NAME.svg (for the site) and NAME.png (for slides).
# Data blocks: 0 points (tokens, parameters, "paper", tokens_low,
# tokens_high, params_low, params_high: a bar is drawn only where low and
# high differ); 1 labels (x, y,
# "label", align 0 left 1 right 2 centre), placed by effdash so they do
# not overlap; 2 leader lines (x, y, dx, dy).
# Every text drawn from the data comes from the data file.
data = @DATA@
has_bars = @BARS@

set terminal svg size 900,600 noenhanced font 'sans,12' background '#ffffff'
set output @OUTPUT@
set encoding utf8

# The title sits above the key, both above the plot.
set label 1000 @TITLE@ at screen 0.5, 0.955 center font ',15'
set xlabel 'Training tokens (log scale)'
set ylabel 'Parameters (log scale)'
set lmargin at screen 0.11
set rmargin at screen 0.97
set bmargin at screen 0.13
set tmargin at screen 0.86
set border 3 lc rgb '#444444'
set tics nomirror out tc rgb '#222222'
set grid xtics ytics lc rgb '#e3e3e3' lw 1 dt 1
set key at screen 0.54, 0.9 center center horizontal samplen 2 spacing 1 font ',11' maxrows 1
set logscale xy 10
set samples 400
@AXES@
# Compute of 10^e FLOP for each e in iso: N = C / (6 D).
@ISO@
plot for [e in iso] (10.0**e)/(6*x) with lines lw 1 lc rgb '#c4c4c4' notitle, \
	keyentry with lines lw 1 lc rgb '#a0a0a0' title 'equal compute 6ND (FLOP)', \
	x/20 with lines dt 2 lw 1.5 lc rgb '#D55E00' title '20 tokens per parameter', \
	data index 0 using ($4 != $5 ? $1 : NaN):2:4:5 with xerrorbars ps 0 lw 1.2 lc rgb '#009E73' notitle, \
	data index 0 using ($6 != $7 ? $1 : NaN):2:6:7 with yerrorbars ps 0 lw 1.2 lc rgb '#009E73' notitle, \
	data index 0 using 1:2 with points pt 7 ps 1.3 lc rgb '#009E73' title 'paper (own figures)', \
	keyentry with xerrorbars ps 0 lw 1.2 lc rgb '#009E73' title (has_bars ? 'stated range' : ''), \
	data index 2 using 1:2:3:4 with vectors nohead lw 0.8 lc rgb '#999999' notitle, \
	data index 1 using ($4 == 0 ? $1 : NaN):2:3 with labels left font ',10' tc rgb '#222222' notitle, \
	data index 1 using ($4 == 1 ? $1 : NaN):2:3 with labels right font ',10' tc rgb '#222222' notitle, \
	data index 1 using ($4 == 2 ? $1 : NaN):2:3 with labels center font ',10' tc rgb '#222222' notitle

set terminal pngcairo size 1800,1200 noenhanced font 'sans,12' fontscale 2 linewidth 2 pointscale 2 background '#ffffff'
set output @PNG@
replot
