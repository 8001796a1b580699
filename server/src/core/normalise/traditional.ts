/**
 * Traditional → simplified characters, one UTF-16 unit for one, so offsets in the simplified copy are
 * offsets in the original. The copy is only for matching (markers, kinds, amounts, cap words);
 * whatever is reported is sliced from the original text.
 *
 * The table: OpenCC's traditional characters (with the Taiwan and Hong Kong variant forms: 為, 臺,
 * 裡 …) whose simplified form occurs in the seed policy texts, less the ones that are also written in
 * simplified text (著 in 显著, 昇 in 昇腾, 乾) and so must stay as they are.
 */
const PAIRS =
  '並并亞亚佈布佔占併并來来侷局係系俬私倉仓個个們们倫伦側侧偵侦傑杰備备傢家傳传債债傾倾僅仅僱雇價价儀仪億亿儘尽償偿優优儲储兌兑兒儿' +
  '內内兩两冊册凈净凱凯別别則则剋克創创劃划劇剧劑剂勁劲動动務务勝胜勞劳勢势勵励匯汇匱匮區区協协卽即厤历參参吳吴員员唸念問问啓启啟启' +
  '喚唤喬乔單单噁恶噴喷噹当嚮向嚴严囌苏國国圍围園园圓圆圖图團团埰采執执堅坚報报場场塊块塗涂塵尘墰坛壇坛壓压壘垒壜坛壞坏壟垄壯壮壽寿' +
  '夠够夢梦夥伙奧奥奪夺奬奖妝妆娛娱學学孿孪寀采實实寧宁審审寫写寬宽寶宝將将專专尋寻對对導导屆届層层屬属峯峰島岛崍崃崑昆崗岗嶽岳帥帅' +
  '師师帳帐帶带幣币幫帮幷并幹干庫库廕荫廚厨廠厂廢废廣广廳厅張张強强彆别彈弹彎弯彔录彙汇後后徑径從从復复徵征徹彻恆恒悅悦惡恶態态慣惯' +
  '慮虑慶庆憑凭憶忆應应懲惩懷怀戰战戲戏戶户捨舍掃扫掛挂採采揀拣揚扬換换揮挥損损搧扇搶抢摺折撐撑撥拨擁拥擇择擊击擋挡擔担據据擬拟擴扩' +
  '擺摆擾扰攜携攝摄攬揽敎教敗败數数斂敛斷断於于旣既時时晉晋暢畅暫暂曆历曏向書书會会朮术東东枱台査查桿杆條条棄弃棊棋棧栈棲栖楊杨業业' +
  '極极榦干榮荣構构槓杠樂乐樑梁樓楼標标樞枢樣样樹树橋桥機机橫横檔档檢检檯台檻槛欄栏權权歐欧歷历歸归殘残氣气氾泛汎泛汙污決决沒没沖冲' +
  '況况泝溯涇泾淨净減减測测湧涌湯汤準准溝沟溫温溼湿滙汇滬沪滲渗滻浐滾滚滿满漢汉漸渐潔洁潛潜潤润澇涝澱淀濃浓濕湿濟济濫滥濱滨濾滤瀋沈' +
  '灃沣灣湾災灾為为烏乌無无煩烦熱热燈灯營营爭争爲为爾尔牀床牴抵牽牵狀状獅狮獎奖獨独獲获獸兽獻献現现瑩莹環环產产産产畝亩畢毕畫画異异' +
  '畵画當当疇畴疊叠瘓痪療疗癒愈癥症癱瘫發发盃杯盡尽監监盤盘眞真眾众睏困碩硕確确碼码礎础礙碍礦矿祕秘禦御禮礼稅税稈秆稟禀種种稱称穀谷' +
  '積积穩稳穫获窩窝競竞筆笔箇个節节範范築筑篩筛簡简簽签簾帘籌筹籤签粵粤糧粮糰团糾纠紀纪約约紅红紋纹納纳紐纽純纯紙纸級级紛纷紡纺紮扎' +
  '細细終终組组結结絕绝絡络給给統统絲丝絶绝綁绑綑捆經经綜综綠绿綫线維维綱纲網网綵彩綿绵緊紧緑绿緒绪線线緣缘編编緩缓緯纬練练緻致縛缚' +
  '縣县縫缝縮缩縱纵縴纤總总績绩織织繞绕繪绘繫系繳缴繼继繽缤續续纍累纔才纖纤纜缆罈坛罎坛罰罚羅罗羣群義义習习聞闻聯联聰聪聲声職职聽听' +
  '脩修脫脱腦脑腫肿膚肤臉脸臟脏臨临臺台與与興兴舉举舊旧舖铺舘馆艙舱艱艰艷艳茲兹荊荆莊庄華华萊莱萬万葉叶葯药蒐搜蓆席蓋盖蔘参蔭荫蕪芜' +
  '蕭萧薈荟薦荐藝艺藥药蘇苏蘭兰處处虛虚號号蟲虫蟻蚁衆众術术衕同衛卫衝冲衞卫裏里補补裝装裡里製制複复襬摆襯衬覈核見见規规視视覺觉覽览' +
  '觀观觸触訂订計计訊讯討讨訓训託托記记訪访設设許许訴诉診诊註注証证詐诈評评詢询試试話话該该詳详誌志認认誘诱語语誠诚誤误說说説说誰谁' +
  '課课調调談谈請请論论諧谐諮咨諾诺謀谋講讲謝谢證证識识譜谱譟噪譯译議议護护譽誉讀读變变讓让谿溪豐丰豔艳豬猪貝贝負负財财貢贡貧贫貨货' +
  '貫贯責责貴贵買买貸贷費费貼贴貿贸賀贺賃赁資资賓宾賠赔賣卖賦赋質质賬账賴赖購购賽赛贏赢贛赣趕赶趨趋跡迹踐践踰逾踴踊蹟迹蹤踪躋跻躍跃' +
  '車车軌轨軍军軟软軸轴較较載载輔辅輕轻輛辆輪轮輯辑輸输輻辐輿舆轄辖轉转辦办農农迴回逕径這这連连週周進进遊游運运過过達达違违遙遥遜逊' +
  '遞递遠远遡溯適适遶绕遷迁選选遺遗遼辽邁迈還还邊边邏逻郵邮鄉乡鄭郑鄰邻醫医釋释針针釦扣鈦钛鉅巨鉬钼銀银銜衔銷销鋁铝鋒锋鋪铺鋼钢錄录' +
  '錐锥錢钱錦锦錯错録录錶表鍛锻鍵键鍼针鎖锁鎭镇鎮镇鏇旋鏈链鏡镜鐳镭鐵铁鑄铸鑑鉴鑒鉴長长門门閉闭開开閑闲閒闲間间閔闵閤合閩闽閱阅閲阅' +
  '闆板闇暗闊阔關关闢辟闥闼陝陕陞升陣阵陸陆陽阳隊队階阶際际隨随險险隱隐雙双雛雏雜杂離离難难雲云電电霧雾靈灵鞏巩鞦秋韆千韋韦韌韧響响' +
  '頁页頂顶項项順顺須须預预領领頭头頸颈頻频題题額额願愿顛颠類类顧顾顯显風风颱台飛飞飯饭飲饮養养餘余館馆餬糊饋馈馬马馳驰駁驳駐驻駕驾' +
  '駛驶駱骆騏骐騙骗騰腾驅驱驗验驥骥髒脏體体髮发鬆松鬚须鬥斗魚鱼魯鲁鮮鲜鯤鲲鳥鸟鳳凤鳴鸣鴻鸿鵠鹄鵬鹏鹹咸鹽盐麗丽麥麦麪面麫面麯曲麵面' +
  '麼么麽么黃黄點点黨党齊齐齣出龍龙龐庞';

/** Simplified code unit by traditional code unit (0: not traditional); one array read per character. */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < PAIRS.length; i += 2) table[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);
  return table;
})();

/** Same length as the input: every character is replaced by at most one character. */
export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && TABLE[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  const units = new Uint16Array(text.length);
  for (let j = 0; j < text.length; j++) {
    const unit = text.charCodeAt(j);
    units[j] = TABLE[unit] || unit;
  }
  let out = '';
  for (let j = 0; j < units.length; j += 8192) out += String.fromCharCode(...units.subarray(j, j + 8192));
  return out;
}
