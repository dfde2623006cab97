-- A schema version 1 effdash database holding tests/data/claims-small.csv,
-- as dumped by sqlite3 .dump; test_normalize upgrades it to the current
-- schema.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE source (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  fingerprint TEXT
);
INSERT INTO source VALUES(1,'tests/data/claims-small.csv','claims-csv','1252:2723f05cbf51f740');
CREATE TABLE paper (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  arxiv_id TEXT,
  url TEXT,
  date TEXT,
  abstract TEXT,
  abstract_hash TEXT,
  versions INTEGER NOT NULL DEFAULT 1,
  source_id INTEGER NOT NULL REFERENCES source(id),
  source_line INTEGER NOT NULL
);
INSERT INTO paper VALUES(1,'arxiv:2407.15811','Tiny Diffusion on a Budget','title:tiny diffusion on a budget','2407.15811','https://arxiv.org/abs/2407.15811','2024-07-22',NULL,NULL,1,1,6);
INSERT INTO paper VALUES(2,'title:fast transformer pretraining','Fast Transformer Pretraining','title:fast transformer pretraining',NULL,NULL,NULL,NULL,NULL,1,1,13);
CREATE TABLE claim (
  id INTEGER PRIMARY KEY,
  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
  origin TEXT NOT NULL CHECK (origin IN ('extracted', 'curated')),
  curation TEXT CHECK (curation IN ('add', 'confirm', 'correct', 'reject')),
  quantity TEXT NOT NULL CHECK (quantity IN ('cost_usd', 'compute', 'params', 'tokens', 'data_size', 'memory_gb', 'ratio', 'quality')),
  value REAL NOT NULL,
  value_max REAL,
  unit TEXT,
  qualifier TEXT CHECK (qualifier IN ('upper_bound', 'lower_bound', 'approx')),
  dimension TEXT,
  hardware TEXT,
  metric TEXT,
  dataset TEXT,
  subject TEXT CHECK (subject IN ('baseline')),
  baseline TEXT,
  raw TEXT NOT NULL,
  span TEXT,
  span_start INTEGER,
  span_end INTEGER,
  evidence TEXT,
  note TEXT,
  source_id INTEGER NOT NULL REFERENCES source(id),
  source_line INTEGER NOT NULL
);
INSERT INTO claim VALUES(1,1,'curated','add','cost_usd',1890.0,NULL,'USD',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'$1,890','\1,890',NULL,NULL,'trained for only \1,890','1890',1,2);
INSERT INTO claim VALUES(2,1,'curated','add','quality',12.699999999999999289,NULL,'FID',NULL,NULL,NULL,'fid','COCO',NULL,NULL,'12.7 FID','12.7 FID',NULL,NULL,'a 12.7 FID on COCO','12.7 as stated',1,3);
INSERT INTO claim VALUES(3,1,'curated','add','ratio',118.0,NULL,'x',NULL,'cost',NULL,NULL,NULL,NULL,'Stable Diffusion','118\times lower cost','118\times lower cost',NULL,NULL,NULL,'factor 118 as stated',1,4);
INSERT INTO claim VALUES(4,1,'curated','add','compute',1152.0,NULL,'device-hours',NULL,NULL,'H100',NULL,NULL,NULL,NULL,'6 days on 8 H100 GPUs',NULL,NULL,NULL,NULL,'6 days x 24 h x 8 devices = 1152 device-hours',1,5);
INSERT INTO claim VALUES(5,1,'curated','add','params',1160000000.0,NULL,'count',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'1.16 billion parameters',NULL,NULL,NULL,NULL,'1160000000',1,6);
INSERT INTO claim VALUES(6,2,'curated','add','compute',150000.0,NULL,'device-hours',NULL,NULL,'A100',NULL,NULL,NULL,NULL,'6,250 A100 GPU days',NULL,NULL,NULL,NULL,'6250 days x 24 h = 150000 device-hours',1,7);
INSERT INTO claim VALUES(7,2,'curated','add','tokens',1400000000000.0,NULL,'tokens',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'1.4T tokens',NULL,NULL,NULL,NULL,'1400000000000',1,8);
INSERT INTO claim VALUES(8,2,'curated','add','params',7000000000.0,NULL,'count',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'7000000000',NULL,NULL,NULL,NULL,NULL,1,9);
INSERT INTO claim VALUES(9,2,'curated','add','quality',71.200000000000002843,NULL,'%',NULL,NULL,NULL,'accuracy','MMLU',NULL,NULL,'71.2',NULL,NULL,NULL,NULL,NULL,1,10);
INSERT INTO claim VALUES(10,2,'curated','add','memory_gb',16.0,NULL,'GB',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'16 GB',NULL,NULL,NULL,NULL,'16',1,11);
INSERT INTO claim VALUES(11,2,'curated','add','data_size',3000000.0,NULL,'count',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'3000000',NULL,NULL,NULL,NULL,NULL,1,12);
INSERT INTO claim VALUES(12,2,'curated','add','ratio',7.142900000000000027,NULL,'x',NULL,'params',NULL,NULL,NULL,NULL,NULL,'86% fewer parameters',NULL,NULL,NULL,NULL,'86% reduction = 1/(1-86/100) = 7.1429x',1,13);
CREATE TABLE derivation (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  value REAL NOT NULL,
  low REAL NOT NULL,
  high REAL NOT NULL,
  unit TEXT NOT NULL,
  method TEXT NOT NULL,
  assumption TEXT NOT NULL
);
INSERT INTO derivation VALUES(1,6,'ref_hours',150000.0,150000.0,150000.0,'A100-hours','device-hours x peak A100 / peak A100 = 150000 x 312 / 312','peak dense FP16/BF16 FLOP/s from the accelerator table; reference accelerator A100');
INSERT INTO derivation VALUES(2,6,'flop',6.3179999999999996852e+22,6.3179999999999996852e+22,6.3179999999999996852e+22,'FLOP','device-hours x 3600 s x peak FLOP/s x utilization = 150000 x 3600 x 312000000000000 x 0.375','utilization=0.375; peak A100 = 312 TFLOP/s');
INSERT INTO derivation VALUES(3,6,'usd',615000.0,615000.0,615000.0,'USD','device-hours x price per device-hour = 150000 x 4.1','price A100 = 4.1 USD/h (2024-06)');
INSERT INTO derivation VALUES(4,6,'energy_kwh',66000.000000000014553,66000.000000000014553,66000.000000000014553,'kWh','device-hours x board power / 1000 x PUE = 150000 x 400 / 1000 x 1.1','power A100 = 400 W; pue=1.1');
INSERT INTO derivation VALUES(5,8,'flop_6nd',5.8800000000000004194e+22,5.8800000000000004194e+22,5.8800000000000004194e+22,'FLOP','6 x parameters x training tokens = 6 x 7000000000 x 1400000000000 (tokens from claim 7)','dense transformer training cost 6ND (Kaplan et al. 2020); one pass over the stated tokens');
INSERT INTO derivation VALUES(6,4,'ref_hours',3651.6923076923076224,3651.6923076923076224,3651.6923076923076224,'A100-hours','device-hours x peak H100 / peak A100 = 1152 x 989 / 312','peak dense FP16/BF16 FLOP/s from the accelerator table; reference accelerator A100');
INSERT INTO derivation VALUES(7,4,'flop',1.5380928e+21,1.5380928e+21,1.5380928e+21,'FLOP','device-hours x 3600 s x peak FLOP/s x utilization = 1152 x 3600 x 989000000000000 x 0.375','utilization=0.375; peak H100 = 989 TFLOP/s');
INSERT INTO derivation VALUES(8,4,'usd',14158.079999999998107,14158.079999999998107,14158.079999999998107,'USD','device-hours x price per device-hour = 1152 x 12.29','price H100 = 12.29 USD/h (2024-06)');
INSERT INTO derivation VALUES(9,4,'energy_kwh',887.03999999999996357,887.03999999999996357,887.03999999999996357,'kWh','device-hours x board power / 1000 x PUE = 1152 x 700 / 1000 x 1.1','power H100 = 700 W; pue=1.1');
CREATE TABLE accelerator (
  name TEXT PRIMARY KEY,
  aliases TEXT NOT NULL,
  peak_fp16_tflops REAL,
  peak_fp32_tflops REAL,
  power_w REAL,
  year INTEGER,
  price_usd_per_hour REAL,
  price_date TEXT,
  source TEXT NOT NULL
);
INSERT INTO accelerator VALUES('A100','A100-40GB;A100-80GB;A100 80GB;A100 40GB;A100-SXM4;A100 SXM;A100-PCIe;A100 PCIe;NVIDIA A100',312.0,19.5,400.0,2020,4.0999999999999996447,'2024-06','NVIDIA A100 Tensor Core GPU datasheet (2021): 312 TFLOPS dense FP16/BF16 tensor, 19.5 TFLOPS FP32, 400 W (SXM4; PCIe variants 250-300 W); price: AWS on-demand list price, us-east-1 p4d.24xlarge $32.77/h / 8 GPUs');
INSERT INTO accelerator VALUES('V100','V100-16GB;V100-32GB;V100 SXM2;V100-SXM2;V100-PCIe;V100s;Tesla V100;NVIDIA V100',125.0,15.699999999999999289,300.0,2017,3.0600000000000000532,'2024-06','NVIDIA Tesla V100 datasheet: 125 TFLOPS FP16 tensor, 15.7 TFLOPS FP32, 300 W (SXM2; PCIe 112/14 TFLOPS, 250 W); price: AWS on-demand list price, us-east-1 p3.2xlarge $3.06/h (1 GPU)');
INSERT INTO accelerator VALUES('H100','H100-SXM;H100 SXM;H100-SXM5;H100-80GB;H100 80GB;NVIDIA H100',989.0,67.0,700.0,2022,12.289999999999999147,'2024-06','NVIDIA H100 Tensor Core GPU datasheet: 989 TFLOPS dense FP16/BF16 tensor (1,979 with sparsity), 67 TFLOPS FP32, up to 700 W (SXM5; PCIe card is 756/51 TFLOPS, 350 W); price: AWS on-demand list price, us-east-1 p5.48xlarge $98.32/h / 8 GPUs');
INSERT INTO accelerator VALUES('H200','H200-SXM;H200 SXM;H200-141GB;NVIDIA H200',989.0,67.0,700.0,2024,NULL,NULL,'NVIDIA H200 Tensor Core GPU datasheet: same compute as H100 SXM (989 TFLOPS dense FP16/BF16, 67 TFLOPS FP32), 141 GB HBM3e, up to 700 W; no price given: no on-demand list price checked');
INSERT INTO accelerator VALUES('P100','P100-SXM2;P100-PCIe;Tesla P100;NVIDIA P100',21.199999999999999289,10.599999999999999644,300.0,2016,NULL,NULL,'NVIDIA Tesla P100 datasheet: 21.2 TFLOPS FP16 (no tensor cores), 10.6 TFLOPS FP32, 300 W (SXM2; PCIe 18.7/9.3 TFLOPS, 250 W); no price given');
INSERT INTO accelerator VALUES('A6000','RTX A6000;RTX-A6000;NVIDIA RTX A6000',154.80000000000001136,38.700000000000002842,300.0,2020,0.8000000000000000444,'2024-06','NVIDIA RTX A6000 datasheet: 309.7 TFLOPS tensor with sparsity = 154.8 dense FP16, 38.7 TFLOPS FP32, 300 W; price: Lambda on-demand 1x A6000 instance, about $0.80/h');
INSERT INTO accelerator VALUES('A10','NVIDIA A10;A10-24GB',125.0,31.199999999999999289,150.0,2021,0.75,'2024-06','NVIDIA A10 Tensor Core GPU datasheet: 125 TFLOPS dense FP16/BF16 tensor (250 with sparsity), 31.2 TFLOPS FP32, 150 W; price: Lambda on-demand 1x A10 instance, about $0.75/h');
INSERT INTO accelerator VALUES('A10G','NVIDIA A10G',NULL,NULL,NULL,2021,1.0060000000000000053,'2024-06','AWS-specific A10 variant (EC2 G5 instances); NVIDIA publishes no datasheet, so peak and power are left empty rather than guessed (treat as close to A10); price: AWS on-demand list price, us-east-1 g5.xlarge $1.006/h (1 GPU)');
INSERT INTO accelerator VALUES('T4','Tesla T4;NVIDIA T4;T4-16GB',65.0,8.0999999999999996447,70.0,2018,0.52600000000000002309,'2024-06','NVIDIA T4 Tensor Core GPU datasheet: 65 TFLOPS FP16 mixed-precision tensor, 8.1 TFLOPS FP32, 70 W; price: AWS on-demand list price, us-east-1 g4dn.xlarge $0.526/h (1 GPU)');
INSERT INTO accelerator VALUES('L4','NVIDIA L4;L4-24GB',121.0,30.30000000000000071,72.0,2023,0.80500000000000004884,'2024-06','NVIDIA L4 Tensor Core GPU datasheet: 242 TFLOPS FP16/BF16 tensor with sparsity = 121 dense, 30.3 TFLOPS FP32, 72 W; price: AWS on-demand list price, us-east-1 g6.xlarge $0.805/h (1 GPU)');
INSERT INTO accelerator VALUES('L40S','NVIDIA L40S;L40S-48GB',362.0,91.599999999999994317,350.0,2023,1.8609999999999999875,'2024-06','NVIDIA L40S datasheet: 733 TFLOPS FP16/BF16 tensor with sparsity = 362 dense, 91.6 TFLOPS FP32, 350 W; price: AWS on-demand list price, us-east-1 g6e.xlarge $1.861/h (1 GPU)');
INSERT INTO accelerator VALUES('RTX 3090','RTX3090;3090;GeForce RTX 3090;RTX 3090 Ti',71.0,35.600000000000001421,350.0,2020,0.22000000000000000111,'2024-06','NVIDIA Ampere GA102 whitepaper: 71 TFLOPS dense FP16 tensor with FP32 accumulate (142 with FP16 accumulate), 35.6 TFLOPS FP32, 350 W board power; price: typical community-cloud rental (RunPod/vast.ai), about $0.22/h, approximate');
INSERT INTO accelerator VALUES('RTX 4090','RTX4090;4090;GeForce RTX 4090',165.19999999999998862,82.599999999999994312,450.0,2022,0.4000000000000000222,'2024-06','NVIDIA Ada Lovelace architecture whitepaper: 165.2 TFLOPS dense FP16 tensor with FP32 accumulate (330.3 with FP16 accumulate), 82.6 TFLOPS FP32, 450 W board power; price: typical community-cloud rental (RunPod/vast.ai), about $0.40/h, approximate');
INSERT INTO accelerator VALUES('RTX 4060 Ti','RTX4060Ti;RTX 4060Ti;4060 Ti;GeForce RTX 4060 Ti',44.100000000000001421,22.10000000000000142,165.0,2023,NULL,NULL,'NVIDIA GeForce RTX 4060 Ti specifications: 22.1 TFLOPS FP32, 160-165 W (8/16 GB); FP16 tensor derived from the published 353 AI TOPS (FP8 with sparsity) and the Ada ratios: 88.3 dense with FP16 accumulate, 44.1 with FP32 accumulate (derived, not a datasheet line); no price given: rarely rented');
INSERT INTO accelerator VALUES('TPUv2','TPU v2;TPU-v2;TPUv2-8;v2-8',45.0,NULL,280.0,2017,1.125,'2024-06','Google Cloud TPU system architecture docs: 45 TFLOPS bf16 per chip (2 cores); no separate FP32 peak; 280 W TDP per chip from Jouppi et al., Ten Lessons From Three Generations Shaped Google''s TPUv4i (ISCA 2021); price: Google Cloud on-demand v2-8 $4.50/h / 4 chips');
INSERT INTO accelerator VALUES('TPUv3','TPU v3;TPU-v3;TPUv3-8;v3-8',123.0,NULL,450.0,2018,2.0,'2024-06','Google Cloud TPU system architecture docs: 123 TFLOPS bf16 per chip (2 cores); no separate FP32 peak; 450 W TDP per chip from Jouppi et al. (ISCA 2021); price: Google Cloud on-demand v3-8 $8.00/h / 4 chips');
INSERT INTO accelerator VALUES('TPUv4','TPU v4;TPU-v4;v4-8',275.0,NULL,NULL,2021,3.2200000000000001953,'2024-06','Google Cloud TPU v4 docs: 275 TFLOPS bf16/int8 per chip; power left empty (not confirmed); price: Google Cloud on-demand $3.22 per chip-hour');
INSERT INTO accelerator VALUES('TPUv5e','TPU v5e;TPU-v5e;v5e;v5litepod',197.0,NULL,NULL,2023,1.1999999999999999555,'2024-06','Google Cloud TPU v5e docs: 197 TFLOPS bf16 per chip (394 int8); power left empty (not published); price: Google Cloud on-demand $1.20 per chip-hour');
INSERT INTO accelerator VALUES('TPUv5p','TPU v5p;TPU-v5p;v5p',459.0,NULL,NULL,2023,4.2000000000000001776,'2024-06','Google Cloud TPU v5p docs: 459 TFLOPS bf16 per chip; power left empty (not published); price: Google Cloud on-demand $4.20 per chip-hour');
INSERT INTO accelerator VALUES('MI250X','AMD MI250X;Instinct MI250X;MI250',383.0,47.899999999999998577,560.0,2021,NULL,NULL,'AMD Instinct MI250X datasheet: 383 TFLOPS peak FP16/BF16 matrix (dense), 47.9 TFLOPS FP32 vector (95.7 FP32 matrix), 560 W (OAM); no price given: not generally offered on demand');
INSERT INTO accelerator VALUES('MI300X','AMD MI300X;Instinct MI300X',1307.4000000000000909,163.40000000000000569,750.0,2023,NULL,NULL,'AMD Instinct MI300X datasheet: 1,307.4 TFLOPS peak FP16/BF16 matrix dense (2,614.9 with sparsity), 163.4 TFLOPS FP32 vector, 750 W (OAM); no price given: list prices vary by provider');
CREATE TABLE assumption (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  source TEXT NOT NULL
);
INSERT INTO assumption VALUES('reference_accelerator','A100','Most common accelerator named in the bundled corpus (and the usual unit of reported GPU-days); A100-equivalent hours are computed against its row in accelerators.csv');
INSERT INTO assumption VALUES('utilization','0.375','Epoch AI median MFU assumption: share of peak FLOP/s achieved in training when a paper reports only device-time; Epoch AI uses about 0.3-0.4 for hardware-based compute estimates (epoch.ai/data/ai-models-documentation, estimation section)');
INSERT INTO assumption VALUES('utilization_language','0.30','Epoch AI hardware-based estimate assumption for language models (large transformer LMs typically reach lower utilization)');
INSERT INTO assumption VALUES('utilization_other','0.40','Epoch AI hardware-based estimate assumption for other domains (vision, speech, games, ...)');
INSERT INTO assumption VALUES('pue','1.1','Data-centre power usage effectiveness; Google reports a fleet-wide trailing twelve-month PUE of about 1.10 (Google Environmental Report 2023); older or smaller facilities are often 1.4-1.6');
INSERT INTO assumption VALUES('server_overhead','1.0','Multiplier on accelerator board power for host CPU, memory and networking; 1.0 counts accelerator TDP only, so energy and CO2 figures are lower bounds (a full-server factor would be roughly 1.3-1.5)');
INSERT INTO assumption VALUES('grid_kgco2_per_kwh','0.4','Round world-average carbon intensity of electricity; IEA and Ember put the recent global average at roughly 0.44-0.48 kg CO2/kWh, so 0.4 is a conservative round value; replace with the local grid factor when known');
INSERT INTO assumption VALUES('dollar_year','2024','Constant-dollar base year: dollar figures are restated in 2024 US dollars with the CPI-U annual averages in cpi.csv');
CREATE INDEX paper_by_title ON paper(title_key);
CREATE INDEX paper_by_arxiv ON paper(arxiv_id);
CREATE INDEX claim_by_paper ON claim(paper_id, origin, span);
CREATE INDEX claim_by_source ON claim(source_id, origin);
CREATE INDEX derivation_by_claim ON derivation(claim_id);
CREATE VIEW claim_status AS
SELECT c.id AS claim_id,
  CASE
    WHEN c.origin = 'curated' AND c.curation = 'reject' THEN 'rejection'
    WHEN c.origin = 'extracted' AND EXISTS (
      SELECT 1 FROM claim k WHERE k.paper_id = c.paper_id
        AND k.origin = 'curated' AND k.span = c.span
        AND k.quantity = c.quantity
        AND coalesce(k.dimension, '') = coalesce(c.dimension, ''))
      THEN 'superseded'
    ELSE 'active'
  END AS status
FROM claim c;
CREATE VIEW report_claim AS
SELECT c.*, p.title AS paper_title, p.key AS paper_key,
  s.path AS source_file, st.status AS status
FROM claim c JOIN paper p ON p.id = c.paper_id
  JOIN source s ON s.id = c.source_id
  JOIN claim_status st ON st.claim_id = c.id;
CREATE VIEW report_paper AS
SELECT p.*, s.path AS source_file,
  (SELECT count(*) FROM report_claim r WHERE r.paper_id = p.id
     AND r.status = 'active') AS claims
FROM paper p JOIN source s ON s.id = p.source_id;
COMMIT;
