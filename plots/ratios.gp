# ratios.gp - claimed speed-ups and savings, grouped by dimension.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder: it
# writes NAME.svg (for the site) and NAME.png (for slides).
# Data block 0: position (dimension number plus jitter), factor.
# Data block 1: dimension number, min, q1, median, q3, max,
# "dimension (claims)".
# Every text drawn from the data comes from the data file.
data = @DATA@
groups = @GROUPS@

set terminal svg size 900,600 noenhanced font 'sans,12' background '#ffffff'
set output @OUTPUT@
set encoding utf8

# The title sits above the key, both above the plot.
set label 1000 @TITLE@ at screen 0.5, 0.955 center font ',15'
set xlabel 'Dimension of the claim (number of claims)'
set ylabel 'Claimed factor, times better (log scale)'
set lmargin at screen 0.11
set rmargin at screen 0.97
set bmargin at screen 0.13
set tmargin at screen 0.86
set border 3 lc rgb '#444444'
set tics nomirror out tc rgb '#222222'
set xtics scale 0 rotate by 25 right font ',11'
set grid ytics lc rgb '#e3e3e3' lw 1 dt 1
set key at screen 0.54, 0.9 center center horizontal samplen 2 spacing 1 font ',11' maxrows 1
set logscale y 10
set xrange [0.4:groups + 0.6]
@AXES@
set style fill empty
set boxwidth 0.5
plot data index 1 using 1:3:2:6:5 with candlesticks whiskerbars 0.5 lw 1.5 lc rgb '#555555' title 'quartiles and range', \
	data index 0 using 1:2 with points pt 7 ps 0.9 lc rgb '#660072B2' title 'one claim', \
	data index 1 using ($1-0.25):4:(0.5):(0) with vectors nohead lw 3 lc rgb '#D55E00' title 'median', \
	data index 1 using 1:(NaN):xtic(7) notitle

set terminal pngcairo size 1800,1200 noenhanced font 'sans,12' fontscale 2 linewidth 2 pointscale 2 background '#ffffff'
set output @PNG@
replot
