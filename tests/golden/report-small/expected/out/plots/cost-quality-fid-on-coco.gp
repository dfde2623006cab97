# cost-quality.gp - training cost against the result on one benchmark,
# with the Pareto frontier.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder: it
# writes NAME.svg (for the site) and NAME.png (for slides).
# Data blocks: 0 points (cost, result, "paper", estimated, frontier,
# cost_low, cost_high, result_low, result_high: a bar is drawn only where
# low and high differ);
# 1 labels (x, y, "label", align 0 left 1 right 2 centre), placed by
# effdash so they do not overlap; 2 leader lines (x, y, dx, dy);
# 3 the frontier (cost, result), cheapest first.
# Every text drawn from the data comes from the data file.
data = "cost-quality-fid-on-coco.dat"
has_estimated = 0
has_bars = 0

set terminal svg size 900,600 noenhanced font 'sans,12' background '#ffffff'
set output "cost-quality-fid-on-coco.svg"
set encoding utf8

# The title sits above the key, both above the plot.
set label 1000 "FID on COCO against training cost" at screen 0.5, 0.955 center font ',15'
set xlabel "Training cost (US dollars of 2024, log scale)"
set ylabel "FID, lower is better (axis reversed)"
set lmargin at screen 0.11
set rmargin at screen 0.97
set bmargin at screen 0.13
set tmargin at screen 0.86
set border 3 lc rgb '#444444'
set tics nomirror out tc rgb '#222222'
set grid xtics ytics lc rgb '#e3e3e3' lw 1 dt 1
set key at screen 0.54, 0.9 center center horizontal samplen 2 spacing 1 font ',11' maxrows 1
set logscale x 10
set mxtics default
set xrange [236.25:36288]
set yrange [13.2845:12.115499999999999]
set xtics ("" 300 1, "" 400 1, "$500" 500, "" 600 1, "" 700 1, "" 800 1, "" 900 1, "$1k" 1000, "$2k" 2000, "" 3000 1, "" 4000 1, "$5k" 5000, "" 6000 1, "" 7000 1, "" 8000 1, "" 9000 1, "$10k" 10000, "$20k" 20000, "" 30000 1)

# Okabe-Ito colours, safe for colour-blind readers: blue for stated
# figures, orange (hollow) for estimates, vermilion for the frontier.
colour(est) = est > 0 ? 0xE69F00 : 0x0072B2
shape(est) = est > 0 ? 6 : 7
# Uncertainty bars in the colour of their point, drawn under it.
plot data index 3 using 1:2 with steps lw 2 dt 2 lc rgb '#D55E00' title 'Pareto frontier', \
	data index 0 using ($6 != $7 ? $1 : NaN):2:6:7:(colour($4)) with xerrorbars ps 0 lw 1.2 lc rgb variable notitle, \
	data index 0 using ($8 != $9 ? $1 : NaN):2:8:9:(colour($4)) with yerrorbars ps 0 lw 1.2 lc rgb variable notitle, \
	data index 0 using 1:2:(shape($4)):(colour($4)) with points pt variable ps 1.3 lw 2 lc rgb variable notitle, \
	keyentry with points pt 7 ps 1.3 lc rgb '#0072B2' title "cost as stated", \
	keyentry with points pt 6 ps 1.3 lw 2 lc rgb '#E69F00' title (has_estimated ? "cost estimated from compute" : ''), \
	keyentry with xerrorbars ps 0 lw 1.2 lc rgb '#555555' title (has_bars ? "range (low to high)" : ''), \
	data index 2 using 1:2:3:4 with vectors nohead lw 0.8 lc rgb '#999999' notitle, \
	data index 1 using ($4 == 0 ? $1 : NaN):2:3 with labels left font ',10' tc rgb '#222222' notitle, \
	data index 1 using ($4 == 1 ? $1 : NaN):2:3 with labels right font ',10' tc rgb '#222222' notitle, \
	data index 1 using ($4 == 2 ? $1 : NaN):2:3 with labels center font ',10' tc rgb '#222222' notitle

set terminal pngcairo size 1800,1200 noenhanced font 'sans,12' fontscale 2 linewidth 2 pointscale 2 background '#ffffff'
set output "cost-quality-fid-on-coco.png"
replot
